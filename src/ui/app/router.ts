// Hash routes: they work offline without any server rewrite and survive reloads.
import { useEffect, useState } from 'preact/hooks';

export type Route =
  | { name: 'home' }
  | { name: 'log'; activityId: string; kind: string }
  | { name: 'entries' }
  | { name: 'entry'; id: string }
  | { name: 'correct'; id: string }
  | { name: 'shift' }
  | { name: 'settings' };

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  switch (parts[0]) {
    case 'logga':
      return parts[1] && parts[2] ? { name: 'log', activityId: parts[1], kind: parts[2] } : { name: 'home' };
    case 'registreringar':
      return { name: 'entries' };
    case 'registrering':
      if (!parts[1]) return { name: 'entries' };
      return parts[2] === 'ratta' ? { name: 'correct', id: parts[1] } : { name: 'entry', id: parts[1] };
    case 'skift':
      return { name: 'shift' };
    case 'installningar':
      return { name: 'settings' };
    default:
      return { name: 'home' };
  }
}

export function href(route: Route): string {
  switch (route.name) {
    case 'home':
      return '#/';
    case 'log':
      return `#/logga/${encodeURIComponent(route.activityId)}/${route.kind}`;
    case 'entries':
      return '#/registreringar';
    case 'entry':
      return `#/registrering/${encodeURIComponent(route.id)}`;
    case 'correct':
      return `#/registrering/${encodeURIComponent(route.id)}/ratta`;
    case 'shift':
      return '#/skift';
    case 'settings':
      return '#/installningar';
  }
}

export function navigate(route: Route): void {
  location.hash = href(route);
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
