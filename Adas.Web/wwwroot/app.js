// Seeks the page's video to a timeline mark (the only script the dashboard needs besides Blazor's own).
window.adasSeek = function (playerId, seconds) {
  const player = document.getElementById(playerId);
  if (!player) return;
  player.currentTime = seconds;
  player.focus();
};

// The review queue's keys (only where a [data-review-queue] table is shown, never while typing in a field):
// j/k next/previous event, space plays or pauses the focused event's clip, c confirm, o coachable (on a coachable
// event: write the coaching note), d dismiss (then a reason), ? shows the keys.
document.addEventListener('keydown', function (e) {
  const queue = document.querySelector('[data-review-queue]');
  if (!queue || e.ctrlKey || e.metaKey || e.altKey) return;
  const target = e.target instanceof Element ? e.target : null;
  if (target && target.closest('input, select, textarea, [contenteditable="true"]')) return;
  const rows = Array.from(queue.querySelectorAll('tr[data-event]'));
  const row = target ? target.closest('tr[data-event]') : null;
  if (e.key === 'j' || e.key === 'k') {
    const at = row ? rows.indexOf(row) : -1;
    const next = rows[e.key === 'j' ? Math.min(at + 1, rows.length - 1) : Math.max(at - 1, 0)];
    if (next) { next.focus(); e.preventDefault(); }
    return;
  }
  if (e.key === '?') { document.querySelector('[data-keys-toggle]')?.click(); e.preventDefault(); return; }
  if (!row) return;
  if (e.key === ' ' && target === row) {
    const clip = row.querySelector('video');
    if (clip) { if (clip.paused) clip.play(); else clip.pause(); }
    e.preventDefault();
    return;
  }
  if (e.key === 'o' && row.dataset.state === 'coachable') { row.querySelector('[data-coaching-note]')?.focus(); e.preventDefault(); return; }
  const verdict = { c: 'confirmed', o: 'coachable', d: 'dismiss' }[e.key];
  if (verdict) { row.querySelector('[data-verdict="' + verdict + '"]')?.click(); e.preventDefault(); }
});

window.adasReview = {
  // After a verdict: the next event still needing review (after this one, then from the top), else this one.
  focusNext: function (eventId) {
    const rows = Array.from(document.querySelectorAll('[data-review-queue] tr[data-event]'));
    const at = rows.findIndex(r => r.dataset.event === eventId);
    const order = rows.slice(at + 1).concat(rows.slice(0, at + 1));
    (order.find(r => r.dataset.state === 'needs_review') || rows[at])?.focus();
  },
  focusReasons: function (eventId) {
    document.querySelector('tr[data-event="' + eventId + '"] [data-reason]')?.focus();
  },
};
