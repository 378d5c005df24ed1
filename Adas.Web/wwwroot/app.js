// Seeks the page's video to a timeline mark (the only script the dashboard needs besides Blazor's own).
window.adasSeek = function (playerId, seconds) {
  const player = document.getElementById(playerId);
  if (!player) return;
  player.currentTime = seconds;
  player.focus();
};
