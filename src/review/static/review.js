// Keyboard for the review page. Everything here is an enhancement: each key presses a button or
// follows a link that works without JavaScript. Served as a file (CSP forbids inline scripts).
(() => {
  'use strict';
  const $ = (sel) => document.querySelector(sel);
  const submit = (id) => {
    const form = document.getElementById(id);
    if (!form || form.dataset.sent) return;
    form.dataset.sent = '1';
    document.body.classList.add('busy');
    form.requestSubmit();
  };
  const follow = (id) => {
    const a = document.getElementById(id);
    if (a && a.href) window.location.assign(a.href);
  };
  const open = (id, focusSel) => {
    const panel = document.getElementById(id);
    if (!panel) return;
    for (const d of document.querySelectorAll('details.panel')) if (d !== panel) d.open = false;
    panel.open = true;
    const f = panel.querySelector(focusSel);
    if (f) {
      f.focus();
      if (f.select) f.select();
    }
  };
  const toggleHelp = () => {
    const h = $('#keys-help');
    if (h) h.hidden = !h.hidden;
  };

  // ---- Add a missed fact (n): the selection in the whole article gives the evidence and prefills the form.
  const MONTHS = ['januari', 'februari', 'maret', 'april', 'mei', 'juni', 'juli', 'agustus', 'september', 'oktober', 'november', 'desember'];
  const codePoints = (s) => Array.from(s).length;
  /** "98,77" -> 98.77, "1.138.714" -> 1138714, "2,5 juta" -> 2500000; null when the words hold no figure. */
  const parseValue = (s) => {
    const m = /(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?\s*(juta|ribu)?/i.exec(s);
    if (!m) return null;
    let v = Number(m[1].replace(/\./g, '') + (m[2] ? '.' + m[2] : ''));
    if (m[3]) v *= m[3].toLowerCase() === 'juta' ? 1e6 : 1e3;
    return Number.isFinite(v) ? String(Math.round(v * 100) / 100) : null;
  };
  const parseMetric = (s) => {
    const t = s.toLowerCase();
    if (/%|persen/.test(t)) return /aktif/.test(t) ? 'active_pct' : 'coverage_pct';
    if (/penduduk/.test(t) && !/peserta|terdaftar/.test(t)) return 'population';
    if (/aktif/.test(t)) return 'active_count';
    if (/jiwa|peserta|terdaftar/.test(t)) return 'enrolled_count';
    return null;
  };
  const parseAsOf = (s) => {
    const t = s.toLowerCase();
    const d = /\b(\d{1,2})\s+([a-z]+)\s+(20\d\d)\b/.exec(t);
    if (d && MONTHS.includes(d[2])) return `${d[3]}-${String(MONTHS.indexOf(d[2]) + 1).padStart(2, '0')}-${d[1].padStart(2, '0')}`;
    const m = /\b([a-z]+)\s+(20\d\d)\b/.exec(t);
    if (m && MONTHS.includes(m[1])) return `${m[2]}-${String(MONTHS.indexOf(m[1]) + 1).padStart(2, '0')}`;
    const y = /\b(20\d\d)\b/.exec(t);
    return y ? y[1] : null;
  };
  const addMissed = () => {
    const panel = document.getElementById('add-panel');
    const text = document.getElementById('article-text');
    if (!panel || !text) return false;
    const sel = window.getSelection();
    const note = document.getElementById('add-selection');
    if (!sel || sel.rangeCount === 0 || sel.isCollapsed || !text.contains(sel.getRangeAt(0).commonAncestorContainer)) {
      const whole = document.getElementById('whole-article');
      if (whole) whole.open = true;
      open('add-panel', '#add-value');
      if (note) note.textContent = 'Select the words that give the figure in the whole article (opened above), then press n again.';
      return true;
    }
    const range = sel.getRangeAt(0);
    const before = document.createRange();
    before.setStart(text, 0);
    before.setEnd(range.startContainer, range.startOffset);
    const words = range.toString();
    const start = codePoints(before.toString());
    document.getElementById('add-start').value = String(start);
    document.getElementById('add-end').value = String(start + codePoints(words));
    const value = parseValue(words);
    const metric = parseMetric(words);
    const asOf = parseAsOf(words);
    if (value !== null) document.getElementById('add-value').value = value;
    if (metric) document.getElementById('add-metric').value = metric;
    if (asOf) document.getElementById('add-asOf').value = asOf;
    if (note) note.textContent = `Evidence: “${words}”`;
    open('add-panel', '#add-value');
    return true;
  };

  // ---- Queue: j/k move a highlight over the rows, Enter opens the highlighted one.
  const queueRows = () => Array.from(document.querySelectorAll('#queue tbody tr'));
  let current = -1;
  const highlight = (i) => {
    const rows = queueRows();
    if (!rows.length) return;
    current = Math.max(0, Math.min(rows.length - 1, i));
    rows.forEach((r, n) => r.classList.toggle('current', n === current));
    rows[current].scrollIntoView({ block: 'nearest' });
  };
  const openCurrent = () => {
    const row = queueRows()[current];
    const a = row && row.querySelector('a');
    if (a) window.location.assign(a.href);
  };

  document.addEventListener('keydown', (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey || e.isComposing) return;
    const t = e.target;
    const typing = t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT' || t.isContentEditable);
    if (e.key === 'Escape') {
      for (const d of document.querySelectorAll('details.panel')) d.open = false;
      if (typing) t.blur();
      return;
    }
    if (typing) return;
    const actions = {
      a: () => submit('accept-form'),
      r: () => open('reject-panel', 'input[name=reason]'),
      e: () => open('edit-panel', 'input[name=value]'),
      s: () => follow('skip-link'),
      j: () => follow('skip-link'),
      k: () => follow('prev-link'),
      u: () => submit('undo-form'),
      q: () => follow('queue-link'),
      '?': toggleHelp,
    };
    if (document.getElementById('queue') && !(e.key === 'Enter' && t && (t.tagName === 'A' || t.tagName === 'BUTTON'))) {
      const q = { j: () => highlight(current + 1), k: () => highlight(current - 1), Enter: () => (current >= 0 ? openCurrent() : highlight(0)) }[e.key];
      if (q) {
        e.preventDefault();
        q();
        return;
      }
    }
    if (e.key === 'n' && document.getElementById('add-panel')) {
      e.preventDefault();
      addMissed();
      return;
    }
    const act = actions[e.key];
    if (act) {
      e.preventDefault();
      act();
    }
  });

  // Dashboard: choosing a region in the timeline picker reloads the chart.
  const picker = $('#timeline-region');
  if (picker) picker.addEventListener('change', () => picker.form && picker.form.requestSubmit());
})();
