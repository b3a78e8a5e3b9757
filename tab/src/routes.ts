/** The pages the app manifest points at, chosen by the path (the server answers index.html for all). */
export type Route = 'coordinator' | 'meeting' | 'config' | 'privacy' | 'terms';

export function routeFor(pathname: string): Route {
  const path = pathname.replace(/\/+$/, '').toLowerCase();
  switch (path) {
    case '/meeting':
      return 'meeting';
    case '/config':
      return 'config';
    case '/privacy':
      return 'privacy';
    case '/terms':
      return 'terms';
    default:
      return 'coordinator';
  }
}
