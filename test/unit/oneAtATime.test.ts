// Work started together and handed to oneAtATime runs one piece after another, in the order handed, with
// a turn of the event loop between pieces once a slice of time is used up.
import * as assert from 'node:assert/strict';
import { oneAtATime } from '../../src/core/scan/yieldToEventLoop';
import { countEventLoopTurns, withSteppingClock } from './helpers/eventLoopTurns';

describe('oneAtATime', () => {
  it('runs pieces in the order handed, never two at once, each in a turn of its own once a slice is used up', async () => {
    // Every look at the clock finds a slice used up.
    await withSteppingClock(10, async () => {
      const turns = countEventLoopTurns();
      const inTurn = oneAtATime();
      const order: string[] = [];
      const turnOf: number[] = [];
      let running = 0;
      const piece = async (name: string): Promise<string> => {
        running++;
        assert.equal(running, 1, 'two pieces ran at once');
        turnOf.push(turns.now());
        await Promise.resolve();
        order.push(name);
        running--;
        return name;
      };
      const results = await Promise.all(['a', 'b', 'c', 'd'].map((name) => inTurn(() => piece(name))));
      turns.stop();
      assert.deepEqual(results, ['a', 'b', 'c', 'd']);
      assert.deepEqual(order, ['a', 'b', 'c', 'd']);
      assert.equal(new Set(turnOf).size, 4, `pieces ran in turns ${turnOf.join(', ')}`);
    });
  });

  it('goes on with the next piece after one fails, and gives the failure to its caller', async () => {
    const inTurn = oneAtATime();
    const failed = inTurn(() => Promise.reject(new Error('unreadable')));
    const next = inTurn(() => 'read');
    await assert.rejects(failed, /unreadable/);
    assert.equal(await next, 'read');
  });
});
