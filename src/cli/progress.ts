import type { Lang, Localized } from "../engine";

/** Progress on stderr, only when a person is watching it (stderr is a terminal); otherwise silent. */
export interface Progress {
  step(label: Localized, done?: number, total?: number): void;
  done(): void;
}

const EVERY_MS = 200;

export function progressOn(stream: NodeJS.WriteStream, lang: Lang): Progress {
  if (!stream.isTTY) return { step() {}, done() {} };
  let shown = false;
  let last = 0;
  return {
    step(label, done, total) {
      const now = Date.now();
      if (shown && done !== undefined && done !== total && now - last < EVERY_MS) return;
      last = now;
      const pct = done !== undefined && total ? ` ${Math.floor((100 * done) / total)}%` : "";
      stream.write(`\r\x1b[K${label[lang]}…${pct}`);
      shown = true;
    },
    done() {
      if (shown) stream.write("\r\x1b[K");
      shown = false;
    },
  };
}
