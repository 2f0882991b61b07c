import { errorMessage } from '../errorMessage';
/**
 * A text of the roadmap, or why it cannot be read. The shipped roadmap's texts are read on first use
 * (compiled/compiledRoadmap.ts): in a damaged install the getter throws, saying to reinstall. A tooltip or
 * a picker that quotes a text shows that reason instead of failing as a whole.
 */
export type TextRead<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string };

export function readText<T>(get: () => T): TextRead<T> {
  try {
    return { ok: true, value: get() };
  } catch (error) {
    return { ok: false, reason: errorMessage(error) };
  }
}
