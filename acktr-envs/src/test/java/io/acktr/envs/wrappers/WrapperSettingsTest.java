package io.acktr.envs.wrappers;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WrapperSettingsTest {
    static Config config(String hocon) {
        return ConfigFactory.parseString(hocon).withFallback(ConfigFactory.defaultReference()).resolve();
    }

    private static WrapperSettings parse(String wrappers) {
        return WrapperSettings.from(config("acktr.env.wrappers = " + wrappers));
    }

    @Test
    void noWrappersByDefault() {
        assertThat(WrapperSettings.from(ConfigFactory.defaultReference()).entries()).isEmpty();
    }

    @Test
    void keysLeftOutTakeTheReferenceDefaults() {
        WrapperSettings settings = parse("""
                [ { type = normalize-observation }, { type = normalize-reward }, { type = frame-stack },
                  { type = rescale-action }, { type = clip-action }, { type = time-feature } ]""");

        assertThat(settings.entries()).containsExactly(
                new WrapperEntry.NormalizeObservation("acktr.env.wrappers[0]", 10, 1e-8),
                new WrapperEntry.NormalizeReward("acktr.env.wrappers[1]", 0.99, 10, 1e-8),
                new WrapperEntry.FrameStack("acktr.env.wrappers[2]", 4),
                new WrapperEntry.RescaleAction("acktr.env.wrappers[3]", -1, 1),
                new WrapperEntry.ClipAction("acktr.env.wrappers[4]"),
                new WrapperEntry.TimeFeature("acktr.env.wrappers[5]"));
    }

    @Test
    void everyKeyMapsToItsEntryInListOrder() {
        WrapperSettings settings = parse("""
                [ { type = time-feature },
                  { type = normalize-reward, gamma = 0.9, clip = 3, epsilon = 1e-5 },
                  { type = normalize-observation, clip = 5, epsilon = 1e-6 },
                  { type = frame-stack, frames = 2 },
                  { type = rescale-action, low = 0, high = 2.5 } ]""");

        assertThat(settings.entries()).containsExactly(
                new WrapperEntry.TimeFeature("acktr.env.wrappers[0]"),
                new WrapperEntry.NormalizeReward("acktr.env.wrappers[1]", 0.9, 3, 1e-5),
                new WrapperEntry.NormalizeObservation("acktr.env.wrappers[2]", 5, 1e-6),
                new WrapperEntry.FrameStack("acktr.env.wrappers[3]", 2),
                new WrapperEntry.RescaleAction("acktr.env.wrappers[4]", 0, 2.5));
        assertThat(settings.entries()).extracting(WrapperEntry::type).containsExactly(WrapperType.TIME_FEATURE,
                WrapperType.NORMALIZE_REWARD, WrapperType.NORMALIZE_OBSERVATION, WrapperType.FRAME_STACK, WrapperType.RESCALE_ACTION);
    }

    @Test
    void changedDefaultsApplyToEveryEntryOfTheirType() {
        WrapperSettings settings = WrapperSettings.from(config("""
                acktr.env.wrapper-defaults.frame-stack.frames = 8
                acktr.env.wrappers = [ { type = frame-stack }, { type = frame-stack, frames = 2 } ]"""));

        assertThat(settings.entries()).containsExactly(new WrapperEntry.FrameStack("acktr.env.wrappers[0]", 8),
                new WrapperEntry.FrameStack("acktr.env.wrappers[1]", 2));
    }

    @Test
    void referenceHasOneDefaultsBlockPerTypeWithExactlyItsKeys() {
        Config defaults = ConfigFactory.defaultReference().getConfig(WrapperSettings.DEFAULTS_PATH);

        assertThat(defaults.root().keySet()).containsExactlyInAnyOrderElementsOf(WrapperType.configNames());
        for (WrapperType type : WrapperType.values()) {
            assertThat(defaults.getObject(type.configName()).keySet()).containsExactlyInAnyOrderElementsOf(type.keys());
        }
    }

    @Test
    void anUnknownTypeListsTheAllowedOnes() {
        assertThatThrownBy(() -> parse("[ { type = clip-action }, { type = normalise-obs } ]"))
                .isInstanceOf(ConfigException.BadValue.class)
                .hasMessageContaining("acktr.env.wrappers[1].type")
                .hasMessageContaining("\"normalise-obs\": must be one of normalize-observation, normalize-reward, frame-stack, "
                        + "rescale-action, clip-action, time-feature");
    }

    @Test
    void anEntryWithoutATypeOrNotAnObjectIsRejected() {
        assertThatThrownBy(() -> parse("[ { frames = 4 } ]"))
                .isInstanceOf(ConfigException.BadValue.class)
                .hasMessageContaining("acktr.env.wrappers[0].type")
                .hasMessageContaining("missing: each wrapper needs a type, one of normalize-observation");
        assertThatThrownBy(() -> parse("[ { type = clip-action }, frame-stack ]"))
                .isInstanceOf(ConfigException.BadValue.class)
                .hasMessageContaining("acktr.env.wrappers[1]")
                .hasMessageContaining("\"frame-stack\": must be an object such as { type = frame-stack }");
        assertThatThrownBy(() -> parse("{ type = frame-stack }"))
                .isInstanceOf(ConfigException.BadValue.class)
                .hasMessageContaining("acktr.env.wrappers")
                .hasMessageContaining("must be a list of wrappers");
    }

    @Test
    void anUnknownKeyNamesItsPathAndTheKeysOfTheType() {
        assertThatThrownBy(() -> parse("[ { type = clip-action }, { type = clip-action }, { type = frame-stack, frame = 4 } ]"))
                .isInstanceOf(ConfigException.BadValue.class)
                .hasMessageContaining("acktr.env.wrappers[2].frame")
                .hasMessageContaining("4: unknown key for frame-stack, which has the keys frames");
        assertThatThrownBy(() -> parse("[ { type = clip-action, low = -1 } ]"))
                .isInstanceOf(ConfigException.BadValue.class)
                .hasMessageContaining("acktr.env.wrappers[0].low")
                .hasMessageContaining("unknown key for clip-action, which has no keys besides type");
    }

    @Test
    void badValuesNameTheFullPathTheValueAndTheRule() {
        assertThatThrownBy(() -> parse("[ { type = clip-action }, { type = clip-action }, { type = frame-stack, frames = 0 } ]"))
                .isInstanceOf(ConfigException.BadValue.class)
                .hasMessageContaining("acktr.env.wrappers[2].frames")
                .hasMessageContaining("0: must be >= 1");
        assertThatThrownBy(() -> parse("[ { type = frame-stack, frames = 2.5 } ]"))
                .hasMessageContaining("acktr.env.wrappers[0].frames").hasMessageContaining("2.5: must be a whole number");
        assertThatThrownBy(() -> parse("[ { type = frame-stack, frames = four } ]"))
                .hasMessageContaining("acktr.env.wrappers[0].frames").hasMessageContaining("\"four\": must be a number");
        assertThatThrownBy(() -> parse("[ { type = normalize-reward, gamma = 1.5 } ]"))
                .hasMessageContaining("acktr.env.wrappers[0].gamma").hasMessageContaining("1.5: must be in [0.0, 1.0]");
        assertThatThrownBy(() -> parse("[ { type = normalize-observation, clip = -1 } ]"))
                .hasMessageContaining("acktr.env.wrappers[0].clip").hasMessageContaining("-1.0: must be > 0");
        assertThatThrownBy(() -> parse("[ { type = normalize-reward, epsilon = 0 } ]"))
                .hasMessageContaining("acktr.env.wrappers[0].epsilon").hasMessageContaining("0.0: must be > 0");
        assertThatThrownBy(() -> parse("[ { type = rescale-action, low = -1, high = -2 } ]"))
                .hasMessageContaining("acktr.env.wrappers[0].high").hasMessageContaining("-2.0: must be > low (-1.0)");
    }

    @Test
    void badDefaultsNameTheirOwnPath() {
        assertThatThrownBy(() -> WrapperSettings.from(config("acktr.env.wrapper-defaults.frame-stack.frames = 0")))
                .isInstanceOf(ConfigException.BadValue.class)
                .hasMessageContaining("acktr.env.wrapper-defaults.frame-stack.frames")
                .hasMessageContaining("0: must be >= 1");
        assertThatThrownBy(() -> WrapperSettings.from(config("acktr.env.wrapper-defaults.clip-action.low = 1")))
                .isInstanceOf(ConfigException.BadValue.class)
                .hasMessageContaining("acktr.env.wrapper-defaults.clip-action.low")
                .hasMessageContaining("unknown key for clip-action");
    }

    @Test
    void entriesCannotBeChangedAfterParsing() {
        WrapperSettings settings = parse("[ { type = clip-action } ]");

        assertThatThrownBy(() -> settings.entries().add(new WrapperEntry.TimeFeature("x")))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(new WrapperSettings(List.of()).entries()).isEmpty();
    }

    @Test
    void entriesBuiltInCodeAreCheckedAsConfigIs() {
        String path = "acktr.env.wrappers[0]";
        assertThatThrownBy(() -> new WrapperEntry.FrameStack(path, 0)).isInstanceOf(ConfigException.BadValue.class)
                .hasMessageContaining("Invalid value at 'acktr.env.wrappers[0].frames': 0: must be >= 1");
        assertThatThrownBy(() -> new WrapperEntry.NormalizeObservation(path, 0, 1e-8)).hasMessageContaining(path + ".clip");
        assertThatThrownBy(() -> new WrapperEntry.NormalizeObservation(path, 10, -1)).hasMessageContaining(path + ".epsilon");
        assertThatThrownBy(() -> new WrapperEntry.NormalizeReward(path, 1.5, 10, 1e-8)).hasMessageContaining(path + ".gamma");
        assertThatThrownBy(() -> new WrapperEntry.RescaleAction(path, 1, 1))
                .hasMessageContaining("Invalid value at 'acktr.env.wrappers[0].high': 1.0: must be > low (1.0)");
        assertThatThrownBy(() -> new WrapperEntry.RescaleAction(path, Double.NEGATIVE_INFINITY, 1)).hasMessageContaining(path + ".low");
    }
}
