/* global process */
// Mocha's spec reporter that also writes the run's counts as JSON to the file named by
// BACKEND_ROADMAP_MOCHA_COUNTS (used by scripts/test-all.mjs to total every suite).
'use strict';
const { writeFileSync } = require('node:fs');
const Mocha = require('mocha');

const { Spec } = Mocha.reporters;
const { EVENT_RUN_END } = Mocha.Runner.constants;

class CountReporter extends Spec {
  constructor(runner, options) {
    super(runner, options);
    runner.once(EVENT_RUN_END, () => {
      const file = process.env.BACKEND_ROADMAP_MOCHA_COUNTS;
      if (!file) return;
      const stats = this.stats ?? runner.stats ?? {};
      writeFileSync(file, JSON.stringify({ passed: stats.passes ?? 0, failed: stats.failures ?? 0, pending: stats.pending ?? 0 }));
    });
  }
}

module.exports = CountReporter;
