import type { NextFunction, Request, Response } from 'express';

// Only Teams, Outlook and Microsoft 365 may frame the tab (Microsoft's list of host origins).
const FRAME_ANCESTORS = [
  "'self'",
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://teams.cloud.microsoft',
  'https://*.cloud.microsoft',
  'https://*.office.com',
  'https://outlook.office.com',
  'https://outlook.office365.com',
  'https://outlook.live.com',
  'https://*.microsoft365.com',
  'https://*.office365.com',
];

const CSP = [
  "default-src 'self'",
  "script-src 'self' https://res.cdn.office.net",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  // teams-js fetches its list of trusted host origins from Microsoft's CDN.
  "connect-src 'self' https://res.cdn.office.net",
  "font-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  `frame-ancestors ${FRAME_ANCESTORS.join(' ')}`,
].join('; ');

export function securityHeaders(req: Request, res: Response, next: NextFunction): void {
  res.setHeader('Content-Security-Policy', CSP);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
  // Case data must not sit in browser or proxy caches.
  if (req.path.startsWith('/api')) res.setHeader('Cache-Control', 'no-store');
  next();
}
