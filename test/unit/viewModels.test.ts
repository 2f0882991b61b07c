// The view models the host sends to the details page, and the page's messages it accepts.
import * as assert from 'node:assert/strict';
import { SKILL_STATES } from '../../src/core/progress/model';
import { isWebviewMessage } from '../../src/core/view/protocol';
import { STATE_ICONS } from '../../src/core/view/stateIcons';

describe('view models', () => {
  it('gives every state its own icon', () => {
    const codicons = SKILL_STATES.map((state) => STATE_ICONS[state].codicon);
    assert.equal(new Set(codicons).size, SKILL_STATES.length);
  });
});

describe('page protocol', () => {
  it('accepts a state change to every skill state and nothing else', () => {
    for (const state of SKILL_STATES) {
      assert.equal(isWebviewMessage({ type: 'setState', skillId: 'a', state }), true, state);
    }
    assert.equal(isWebviewMessage({ type: 'setState', skillId: 'a', state: 'exploded' }), false);
    assert.equal(isWebviewMessage({ type: 'setState', skillId: 'a' }), false);
    assert.equal(isWebviewMessage({ type: 'launch' }), false);
  });
});
