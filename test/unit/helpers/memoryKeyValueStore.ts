import type { KeyValueStore } from '../../../src/core/progress/progressStore';

/**
 * Storage shared by simulated windows: values go through JSON (as VS Code stores them), a write can be
 * made to land late (after a timer, so only awaiting the write chain sees it) or to fail.
 */
export class MemoryKeyValueStore implements KeyValueStore {
  private readonly values = new Map<string, unknown>();
  /** Milliseconds before a write lands; 0 lands it in the same task. */
  writeDelayMs = 0;
  /** Keys whose writes fail with this message, until removed. */
  readonly failWrites = new Map<string, string>();
  readonly writes: string[] = [];

  constructor(initial: Readonly<Record<string, unknown>> = {}) {
    for (const [key, value] of Object.entries(initial)) {
      this.values.set(key, viaJson(value));
    }
  }

  get(key: string): unknown {
    return this.values.get(key);
  }

  /** Puts a value directly, as another window or Settings Sync would. */
  put(key: string, value: unknown): void {
    this.values.set(key, viaJson(value));
  }

  /** Puts a value as it is, even one JSON cannot hold (as a window's in-memory state could). */
  putRaw(key: string, value: unknown): void {
    this.values.set(key, value);
  }

  async update(key: string, value: unknown): Promise<void> {
    if (this.writeDelayMs > 0) {
      await new Promise((resolve) => setTimeout(resolve, this.writeDelayMs));
    }
    const failure = this.failWrites.get(key);
    if (failure !== undefined) {
      throw new Error(failure);
    }
    this.writes.push(key);
    if (value === undefined) {
      this.values.delete(key);
    } else {
      this.values.set(key, viaJson(value));
    }
  }
}

function viaJson(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value)) as unknown;
}
