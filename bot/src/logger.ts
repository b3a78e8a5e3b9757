import { pino, type Logger } from 'pino';
import { PinoPretty } from 'pino-pretty';

const redact = {
  paths: [
    'req.headers.authorization',
    'req.headers.cookie',
    '*.token',
    '*.password',
    '*.name',
    '*.email',
    '*.body',
    '*.reason',
  ],
  censor: '[redacted]',
};

/**
 * Logs leave the trust boundary (log shippers, support staff), so they hold ids and codes only.
 * The redaction list is a second line of defence for fields that must never appear.
 *
 * `pretty` (development) prints one readable line per entry for a person at a terminal; otherwise
 * (production) every entry is one JSON line for a log shipper. The pretty stream runs in this
 * thread, not a worker, so nothing is lost when the process exits straight after a line.
 */
export function createLogger(level: string, options: { pretty?: boolean } = {}): Logger {
  const settings = { level, base: { app: 'marac' }, redact };
  if (!options.pretty) return pino(settings);
  return pino(
    settings,
    PinoPretty({
      colorize: process.stdout.isTTY === true,
      translateTime: 'SYS:HH:MM:ss',
      ignore: 'pid,hostname,app',
      sync: true,
    }),
  );
}
