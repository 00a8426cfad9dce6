// The wallboard's colour thresholds: green at or better than "ok", red at or worse than "bad", amber between.
// Edit this file to set a call center's own targets (the figures are what the router pushes: seconds and 0..1).
window.CtiThresholds = {
  waiting: { ok: 2, bad: 6, higherIsWorse: true },
  longestWaitSeconds: { ok: 20, bad: 60, higherIsWorse: true },
  serviceLevelToday: { ok: 0.8, bad: 0.6, higherIsWorse: false },
  averageSpeedOfAnswerSeconds: { ok: 20, bad: 45, higherIsWorse: true },
  abandonRate: { ok: 0.05, bad: 0.1, higherIsWorse: true },
};
