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
