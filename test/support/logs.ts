import { Writable } from 'node:stream';
import { createLogger, type Logger } from '../../src/platform/logger';

/** Every log line this test file captured (its apps' loggers and its server processes' output). */
export const CAPTURED_LINES: string[] = [];

/** A logger whose JSON lines are kept for assertions. */
export function capturedLogger(level = 'debug'): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _enc, done) {
      const added = String(chunk).split('\n').filter(Boolean);
      lines.push(...added);
      CAPTURED_LINES.push(...added);
      done();
    },
  });
  return { logger: createLogger({ level, destination }), lines };
}

/**
 * Buyers' personal data the tests send (names, streets, e-mails, phones): none of it may appear in
 * any log line of any suite. `test/support/no-personal-data-in-logs.ts` checks after every file.
 */
export const BUYER_DATA = [
  'Jane Doe',
  '123 Any Street',
  '206-555-0100',
  'Jack Buyer',
  'jack.buyer@example.com',
  '1 Autauga Rd',
  'Private Recipient',
  'private.person@example.com',
  '555-0123',
  'Someone Else',
  '9 Other Road',
];
