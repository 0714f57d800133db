import { Writable } from 'node:stream';
import { createLogger, type Logger } from '../../src/logger';

/** A logger whose JSON lines are kept for assertions. */
export function capturedLogger(level = 'debug'): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _enc, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  return { logger: createLogger({ level, destination }), lines };
}
