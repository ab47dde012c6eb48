// The acktr dashboard page: runs from /api/runs and their rows from /api/runs/<id>/progress, the
// nodes of a cluster from /api/nodes, then new rows, run states and node changes from the event
// stream /api/events. Read-only: it sends nothing.
(function () {
  'use strict';

  const PALETTE = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f',
    '#bcbd22', '#17becf'];
  const state = {
    columns: [], maxRows: 4000, runs: new Map(), nodes: new Map(), groups: [], selected: null,
    metric: 'mean_return', grouped: false, groupedTouched: false, ready: false, pending: [],
  };
  const chartElement = document.getElementById('chart');
  const statusElement = document.getElementById('status');
  let plot = null;
  let plotLayout = '';
  let drawQueued = false;

  function column(name) {
    return state.columns.indexOf(name);
  }

  function colorOfGroup(group) {
    let index = state.groups.indexOf(group);
    if (index < 0) {
      state.groups.push(group);
      index = state.groups.length - 1;
    }
    return PALETTE[index % PALETTE.length];
  }

  function colorOfRun(run) {
    return PALETTE[(Number(run.info.id.slice(1)) - 1) % PALETTE.length];
  }

  function putRun(info) {
    let run = state.runs.get(info.id);
    if (run) {
      if (run.info.attempt !== info.attempt) { // a new attempt on a node: its rows are those it resumes after
        run.rows = [];
        run.lastUpdates = -1;
        run.reload = true;
      }
      run.info = info;
      return run;
    }
    run = { info: info, rows: [], lastUpdates: -1 };
    state.runs.set(info.id, run);
    colorOfGroup(info.group);
    return run;
  }

  function addRow(id, row) {
    const run = state.runs.get(id);
    if (!run) {
      return;
    }
    const updates = row[column('updates')];
    if (updates <= run.lastUpdates) {
      return;
    }
    run.lastUpdates = updates;
    run.rows.push(row);
    if (run.rows.length > state.maxRows) {
      run.rows = run.rows.filter((r, i) => i % 2 === 0);
    }
    run.info.steps = row[column('env_steps')];
    run.info.updates = updates;
    run.info.meanReturn = row[column('mean_return')];
  }

  // the run's rows on the server, merged with those the event stream brought meanwhile
  function loadRows(id) {
    const attempt = state.runs.has(id) ? state.runs.get(id).info.attempt : undefined;
    return fetch('api/runs/' + encodeURIComponent(id) + '/progress')
      .then(r => r.json())
      .then(progress => {
        const run = state.runs.get(id);
        if (!run || run.info.attempt !== attempt) {
          return;
        }
        const updates = column('updates');
        const streamed = run.rows.filter(r => r[updates] > progress.rows.reduce((m, p) => Math.max(m, p[updates]), -1));
        run.rows = [];
        run.lastUpdates = -1;
        progress.rows.concat(streamed).forEach(row => addRow(id, row));
      });
  }

  function queueDraw() {
    if (!drawQueued) {
      drawQueued = true;
      setTimeout(() => {
        drawQueued = false;
        draw();
        drawTable();
      }, 200);
    }
  }

  // x: env steps; y: the metric of each row where it is a number
  function table(run, names) {
    const x = column('env_steps');
    const ys = names.map(column);
    const rows = run.rows.filter(r => r[x] !== null);
    return [rows.map(r => r[x])].concat(ys.map(y => rows.map(r => (r[y] === null ? null : r[y]))));
  }

  // mean, min and max over the runs of a group, on the env steps any of them reached
  function groupTable(runs, name) {
    const tables = runs.map(run => table(run, [name])).filter(t => t[0].length > 0);
    const xs = Array.from(new Set(tables.flatMap(t => t[0]))).sort((a, b) => a - b);
    const mean = [], low = [], high = [];
    const cursor = tables.map(() => 0);
    for (const x of xs) {
      const values = [];
      tables.forEach((t, k) => {
        while (cursor[k] + 1 < t[0].length && t[0][cursor[k] + 1] <= x) {
          cursor[k]++;
        }
        const last = t[0].length - 1;
        if (t[0][0] <= x && x <= t[0][last] && t[1][cursor[k]] !== null) {
          values.push(t[1][cursor[k]]);
        }
      });
      if (values.length === 0) {
        mean.push(null); low.push(null); high.push(null);
      } else {
        mean.push(values.reduce((a, b) => a + b, 0) / values.length);
        low.push(Math.min.apply(null, values));
        high.push(Math.max.apply(null, values));
      }
    }
    return [xs, mean, low, high];
  }

  function build() {
    const names = state.metric === 'kl' ? ['kl', 'predicted_kl'] : [state.metric];
    const runs = Array.from(state.runs.values());
    const series = [{ label: 'env steps' }];
    const tables = [];
    const bands = [];
    if (state.grouped) {
      const groups = Array.from(new Set(runs.map(r => r.info.group)));
      for (const group of groups) {
        const members = runs.filter(r => r.info.group === group);
        const color = colorOfGroup(group);
        const first = series.length;
        tables.push(groupTable(members, names[0]));
        series.push({ label: group + ' (mean of ' + members.length + ')', stroke: color, width: 2, spanGaps: true });
        series.push({ label: group + ' min', stroke: color, width: 0.5, spanGaps: true });
        series.push({ label: group + ' max', stroke: color, width: 0.5, spanGaps: true });
        bands.push({ series: [first + 2, first + 1], fill: color + '33' });
      }
    } else {
      for (const run of runs) {
        const color = colorOfRun(run);
        tables.push(table(run, names));
        names.forEach((name, k) => series.push({
          label: run.info.name + (names.length > 1 ? ' ' + name : ''),
          stroke: color, width: k === 0 ? 1.5 : 1, dash: k === 0 ? undefined : [5, 4], spanGaps: true,
        }));
      }
    }
    const data = tables.length === 0 ? [[]] : tables.length === 1 ? tables[0] : uPlot.join(tables);
    return { series: series, bands: bands, data: data, layout: state.metric + '|' + state.grouped + '|' + series.map(s => s.label).join('|') };
  }

  function draw() {
    const built = build();
    let points = 0;
    for (let s = 1; s < built.data.length; s++) {
      built.data[s].forEach(v => { if (v !== null && v !== undefined) points++; });
    }
    chartElement.dataset.points = String(points);
    chartElement.dataset.runs = String(state.runs.size);
    chartElement.dataset.series = String(built.series.length - 1);
    if (plot === null || plotLayout !== built.layout) {
      if (plot !== null) {
        plot.destroy();
      }
      const label = document.getElementById('metric').selectedOptions[0].textContent;
      plot = new uPlot({
        width: Math.max(320, chartElement.clientWidth - 4), height: 420,
        scales: { x: { time: false } },
        series: built.series, bands: built.bands,
        axes: [{ label: 'env steps' }, { label: label, size: 70 }],
        legend: { show: built.series.length <= 24 },
      }, built.data, chartElement);
      plotLayout = built.layout;
    } else {
      plot.setData(built.data);
    }
  }

  function formatted(value, digits) {
    return value === null || value === undefined ? '' : Number(value).toFixed(digits);
  }

  function drawTable() {
    const body = document.querySelector('#runs tbody');
    body.replaceChildren();
    for (const run of state.runs.values()) {
      const info = run.info;
      const row = document.createElement('tr');
      row.dataset.run = info.id;
      if (state.selected === info.id) {
        row.classList.add('selected');
      }
      const swatch = document.createElement('span');
      swatch.className = 'swatch';
      swatch.style.background = state.grouped ? colorOfGroup(info.group) : colorOfRun(run);
      const node = info.node + (info.attempt > 1 ? ' (attempt ' + info.attempt + ')' : '');
      const cells = [info.name, info.group, info.env, String(info.seed), node, info.state,
        info.steps + (info.totalSteps > 0 ? ' / ' + info.totalSteps : ''), formatted(info.meanReturn, 2)];
      cells.forEach((text, k) => {
        const cell = document.createElement('td');
        if (k === 0) {
          cell.appendChild(swatch);
        }
        if (k >= 6) {
          cell.className = 'num';
        }
        if (k === 5) {
          cell.className = 'state-' + text;
        }
        cell.appendChild(document.createTextNode(text));
        row.appendChild(cell);
      });
      row.addEventListener('click', () => showConfig(info.id));
      body.appendChild(row);
    }
    const running = Array.from(state.runs.values()).filter(r => r.info.state === 'running').length;
    statusElement.textContent = state.runs.size + (state.runs.size === 1 ? ' run, ' : ' runs, ') + running + ' running';
  }

  function drawNodes() {
    document.getElementById('nodes-section').hidden = state.nodes.size === 0;
    const body = document.querySelector('#nodes tbody');
    body.replaceChildren();
    for (const node of state.nodes.values()) {
      const row = document.createElement('tr');
      row.dataset.node = node.id;
      const status = node.lost ? 'lost' : 'up';
      [node.id, node.host, String(node.slots), String(node.busy), node.runs.join(', '), status].forEach((text, k) => {
        const cell = document.createElement('td');
        if (k === 2 || k === 3) {
          cell.className = 'num';
        }
        if (k === 5) {
          cell.className = 'state-' + status;
        }
        cell.appendChild(document.createTextNode(text));
        row.appendChild(cell);
      });
      body.appendChild(row);
    }
  }

  function onNode(node) {
    state.nodes.set(node.id, node);
    drawNodes();
  }

  function showConfig(id) {
    state.selected = id;
    const run = state.runs.get(id);
    document.getElementById('config-run').textContent = run ? '(' + run.info.name + ')' : '';
    fetch('api/runs/' + encodeURIComponent(id) + '/config')
      .then(r => (r.ok ? r.text() : 'no config.conf for this run'))
      .then(text => { document.getElementById('config').textContent = text; });
    drawTable();
  }

  function onRun(info) {
    const known = state.runs.has(info.id);
    const run = putRun(info);
    if (!state.groupedTouched) {
      const groups = new Set(Array.from(state.runs.values()).map(r => r.info.group));
      state.grouped = groups.size < state.runs.size;
      document.getElementById('grouped').checked = state.grouped;
    }
    if ((!known || run.reload) && state.ready) {
      run.reload = false;
      loadRows(info.id).then(queueDraw);
    }
    queueDraw();
  }

  function onRow(data) {
    if (!state.ready) {
      state.pending.push(data);
      return;
    }
    addRow(data.id, data.row);
    queueDraw();
  }

  // ?metric=entropy&grouped=1: the page as a link or a screenshot should show it
  function readQuery() {
    const query = new URLSearchParams(window.location.search);
    const metric = document.getElementById('metric');
    if (query.has('metric') && Array.from(metric.options).some(o => o.value === query.get('metric'))) {
      metric.value = query.get('metric');
      state.metric = metric.value;
    }
    if (query.has('grouped')) {
      state.grouped = query.get('grouped') === '1';
      state.groupedTouched = true;
      document.getElementById('grouped').checked = state.grouped;
    }
  }

  function start() {
    readQuery();
    document.getElementById('metric').addEventListener('change', e => { state.metric = e.target.value; draw(); });
    document.getElementById('grouped').addEventListener('change', e => {
      state.grouped = e.target.checked;
      state.groupedTouched = true;
      draw();
      drawTable();
    });
    window.addEventListener('resize', () => { if (plot) { plot.setSize({ width: Math.max(320, chartElement.clientWidth - 4), height: 420 }); } });

    const events = new EventSource('api/events');
    events.addEventListener('run', e => { if (state.ready) { onRun(JSON.parse(e.data)); } else { state.pending.push({ run: JSON.parse(e.data) }); } });
    events.addEventListener('row', e => onRow(JSON.parse(e.data)));
    events.addEventListener('node', e => onNode(JSON.parse(e.data)));
    fetch('api/nodes').then(r => r.json()).then(listing => listing.nodes.forEach(node => {
      if (!state.nodes.has(node.id)) {
        onNode(node);
      }
    }));
    events.onerror = () => { statusElement.textContent = 'disconnected; retrying'; };

    fetch('api/runs').then(r => r.json()).then(listing => {
      state.columns = listing.columns;
      state.maxRows = listing.maxRowsPerRun;
      listing.runs.forEach(putRun);
      return Promise.all(listing.runs.map(r => loadRows(r.id)));
    }).then(() => {
      state.ready = true;
      for (const item of state.pending) {
        if (item.run) {
          onRun(item.run);
        } else {
          addRow(item.id, item.row);
        }
      }
      state.pending = [];
      onRunsLoaded();
    });
  }

  function onRunsLoaded() {
    if (!state.groupedTouched && state.runs.size > 0) {
      const groups = new Set(Array.from(state.runs.values()).map(r => r.info.group));
      state.grouped = groups.size < state.runs.size;
      document.getElementById('grouped').checked = state.grouped;
    }
    draw();
    drawTable();
    if (state.runs.size > 0 && state.selected === null) {
      showConfig(state.runs.keys().next().value);
    }
  }

  start();
}());
