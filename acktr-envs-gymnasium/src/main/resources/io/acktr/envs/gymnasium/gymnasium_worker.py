"""The Python side of acktr's Gymnasium bridge (acktr-envs-gymnasium).

Started by the JVM as ``python -u gymnasium_worker.py``; it hosts Gymnasium environments of one id
and steps them on request. Only the standard library, numpy and gymnasium are used.

Protocol: both directions are frames, a little-endian uint32 payload length followed by the
payload. A request payload starts with one ASCII opcode byte; a reply starts with ``k`` (ok) or
``e`` (error, then a UTF-8 text: a message or a Python traceback). Numbers are little-endian;
arrays are float64 unless said otherwise. The first frame is the worker's hello, sent unasked:
``k`` + UTF-8 versions, or ``e`` + why gymnasium cannot be used (then the worker exits with 3).

  M make     UTF-8 JSON {"id": str, "kwargs": {...}}  -> int32 handle, observation space, action space
  R reset    int32 handle, uint8 has_seed, int64 seed -> observation
  S step     int32 count, int32 handles[count], actions[count * action_size]
             -> observations[count * observation_size], rewards[count], uint8 flags[count]
                (bit 0 terminated, bit 1 truncated)
  G render   int32 handle                           -> int32 height, int32 width, uint8 rgb[h*w*3]
  T set      int32 handle, uint16 length, name, uint8 dtype (0 float64, 1 float32), int32 n, values[n]
             sets env.unwrapped.<name> = numpy array (for conformance tests)
  A get      int32 handle, uint16 length, name      -> int32 n, values[n] (env.unwrapped.<name>)
  F function uint8 function, int32 n, values[n] -> values[n]: NumPy's scalar sin (0), cos (1), float64
             x**2 (2) or float32 x**2 (3), i.e. the C library's sin, cos, pow, powf (for conformance tests)
  C close    int32 handle                           -> nothing
  L list     (nothing)                              -> UTF-8 ids, one a line
  Q quit     (nothing)                              -> nothing; the worker exits

A space is uint8 kind. Box (kind 0): uint8 ndim, int32 shape[ndim], uint8 length, dtype name,
low[size], high[size]. Discrete (kind 1): int64 n. Other spaces are refused when made.
"""

import json
import os
import select
import struct
import sys
import time
import traceback

# The protocol keeps the original standard output to itself; whatever else writes to it (print in an
# environment, a C library's banner) goes to standard error instead, where the JVM keeps the last lines.
stdin = sys.stdin.buffer
stdin_fd = sys.stdin.fileno()
stdout = os.fdopen(os.dup(1), "wb")
os.dup2(2, 1)
sys.stdout = sys.stderr


def send(payload):
    stdout.write(struct.pack("<I", len(payload)))
    stdout.write(payload)
    stdout.flush()


# After a reply the JVM usually sends its next request within tens of microseconds (a vector step's
# actions). Blocking in read at once would put this process to sleep, and waking it costs more than
# that on a virtual machine's idle core; so it first watches the pipe for a short while.
SPIN_SECONDS = 0.0003


def wait_briefly_for_input():
    until = time.perf_counter() + SPIN_SECONDS
    while time.perf_counter() < until:
        if select.select([stdin_fd], [], [], 0)[0]:
            return


def receive():
    wait_briefly_for_input()
    header = stdin.read(4)
    if len(header) < 4:
        return None
    (length,) = struct.unpack("<I", header)
    payload = stdin.read(length)
    if len(payload) < length:
        return None
    return payload


try:
    import numpy as np
    import gymnasium
    from gymnasium import spaces
except Exception as failure:  # noqa: BLE001 - any import failure is reported the same way
    send(b"e" + ("cannot import gymnasium with " + sys.executable + ": "
                 + type(failure).__name__ + ": " + str(failure)).encode())
    sys.exit(3)


def encode_space(space, role, env_id):
    if isinstance(space, spaces.Box):
        low = np.asarray(space.low, dtype=np.float64).ravel()
        high = np.asarray(space.high, dtype=np.float64).ravel()
        dtype = np.dtype(space.dtype).name.encode()
        return (struct.pack("<BB", 0, len(space.shape)) + struct.pack("<%di" % len(space.shape), *space.shape)
                + struct.pack("<B", len(dtype)) + dtype + low.tobytes() + high.tobytes())
    if isinstance(space, spaces.Discrete):
        if int(space.start) != 0:
            raise ValueError("the %s space %s of %s starts at %d; the bridge maps Discrete spaces starting at 0 only"
                             % (role, space, env_id, int(space.start)))
        return struct.pack("<Bq", 1, int(space.n))
    raise ValueError("the %s space of %s is %s (%s); the bridge maps Box and Discrete spaces only"
                     % (role, env_id, type(space).__name__, space))


class Hosted:
    """One environment with what its steps need precomputed."""

    def __init__(self, env):
        self.env = env
        action_space = env.action_space
        self.discrete = isinstance(action_space, spaces.Discrete)
        self.action_shape = None if self.discrete else action_space.shape
        self.action_dtype = None if self.discrete else action_space.dtype
        self.action_size = 1 if self.discrete else int(np.prod(action_space.shape, dtype=np.int64))
        self.observation_size = int(np.prod(env.observation_space.shape, dtype=np.int64))


class Worker:
    def __init__(self):
        self.hosted = {}
        self.next_handle = 0

    def make(self, body):
        request = json.loads(body.decode())
        kwargs = dict(request.get("kwargs") or {})
        env_id = request["id"]
        if "render_mode" not in kwargs:
            kwargs["render_mode"] = "rgb_array"
        env = gymnasium.make(env_id, **kwargs)
        try:
            observation = encode_space(env.observation_space, "observation", env_id)
            action = encode_space(env.action_space, "action", env_id)
        except Exception:
            env.close()
            raise
        handle = self.next_handle
        self.next_handle += 1
        self.hosted[handle] = Hosted(env)
        return struct.pack("<i", handle) + observation + action

    def reset(self, body):
        handle, has_seed, seed = struct.unpack("<iBq", body)
        observation, _ = self.hosted[handle].env.reset(seed=seed if has_seed else None)
        return np.asarray(observation, dtype=np.float64).tobytes()

    def step(self, body):
        (count,) = struct.unpack_from("<i", body)
        handles = np.frombuffer(body, dtype="<i4", count=count, offset=4)
        actions = np.frombuffer(body, dtype="<f8", offset=4 + 4 * count)
        hosted = [self.hosted[h] for h in handles.tolist()]
        observation_size = hosted[0].observation_size
        observations = np.empty(count * observation_size, dtype=np.float64)
        rewards = np.empty(count, dtype=np.float64)
        flags = bytearray(count)
        offset = 0
        for i, one in enumerate(hosted):
            if one.discrete:
                action = int(actions[offset])
            else:
                action = actions[offset:offset + one.action_size].astype(one.action_dtype).reshape(one.action_shape)
            offset += one.action_size
            observation, reward, terminated, truncated, _ = one.env.step(action)
            observations[i * observation_size:(i + 1) * observation_size] = np.ravel(observation)
            rewards[i] = reward
            flags[i] = (1 if terminated else 0) | (2 if truncated else 0)
        return observations.tobytes() + rewards.tobytes() + bytes(flags)

    def render(self, body):
        (handle,) = struct.unpack("<i", body)
        frame = self.hosted[handle].env.render()
        if frame is None:
            raise ValueError("render() returned None: the environment draws no rgb_array frames")
        frame = np.ascontiguousarray(frame, dtype=np.uint8)
        return struct.pack("<ii", frame.shape[0], frame.shape[1]) + frame.tobytes()

    def set_attribute(self, body):
        handle, length = struct.unpack_from("<iH", body)
        name = body[6:6 + length].decode()
        dtype, n = struct.unpack_from("<Bi", body, 6 + length)
        values = np.frombuffer(body, dtype="<f8", count=n, offset=11 + length)
        setattr(self.hosted[handle].env.unwrapped, name, values.astype(np.float32 if dtype == 1 else np.float64))
        return b""

    def get_attribute(self, body):
        handle, length = struct.unpack_from("<iH", body)
        name = body[6:6 + length].decode()
        values = np.asarray(getattr(self.hosted[handle].env.unwrapped, name), dtype=np.float64).ravel()
        return struct.pack("<i", values.size) + values.tobytes()

    def function(self, body):
        function, n = struct.unpack_from("<Bi", body)
        values = struct.unpack_from("<%dd" % n, body, 5)
        apply = (lambda v: np.sin(np.float64(v)), lambda v: np.cos(np.float64(v)), lambda v: np.float64(v) ** 2,
                 lambda v: np.float32(v) ** 2)[function]
        return struct.pack("<%dd" % n, *[float(apply(v)) for v in values])

    def close(self, body):
        (handle,) = struct.unpack("<i", body)
        self.hosted.pop(handle).env.close()
        return b""

    def list_ids(self, body):
        return "\n".join(sorted(gymnasium.registry.keys())).encode()

    def serve(self):
        operations = {ord("M"): self.make, ord("R"): self.reset, ord("S"): self.step, ord("G"): self.render,
                      ord("T"): self.set_attribute, ord("A"): self.get_attribute, ord("C"): self.close, ord("F"): self.function,
                      ord("L"): self.list_ids}
        while True:
            request = receive()
            if request is None or request[0] == ord("Q"):
                break
            try:
                reply = b"k" + operations[request[0]](request[1:])
            except Exception:  # noqa: BLE001 - every failure goes back to the JVM as its traceback
                reply = b"e" + traceback.format_exc().encode()
            send(reply)
        for one in self.hosted.values():
            one.env.close()


if __name__ == "__main__":
    send(b"k" + ("gymnasium " + gymnasium.__version__ + ", numpy " + np.__version__
                 + ", python " + sys.version.split()[0]).encode())
    Worker().serve()
