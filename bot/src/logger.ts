import { pino, type Logger } from 'pino';

/**
 * Logs leave the trust boundary (log shippers, support staff), so they hold ids and codes only.
 * The redaction list is a second line of defence for fields that must never appear.
 */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { app: 'marac' },
    redact: {
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
    },
  });
}
