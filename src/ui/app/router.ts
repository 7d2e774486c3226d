// Hash routes: they work offline without any server rewrite and survive reloads.
import { useEffect, useState } from 'preact/hooks';

export type Route =
  | { name: 'home' }
  | { name: 'log'; activityId: string; kind: string }
  | { name: 'entries' }
  | { name: 'entry'; id: string }
  | { name: 'correct'; id: string }
  | { name: 'shift' }
  | { name: 'settings' }
  | { name: 'followUp'; kommunId?: string; period?: string }
  | { name: 'drill'; kommunId: string; activityId: string; from: string; to: string }
  | { name: 'report'; kommunId: string; period: string }
  | { name: 'catalogue' }
  | { name: 'promiseNew'; kommunId: string }
  | { name: 'promise'; id: string }
  | { name: 'admin' }
  | { name: 'password' };

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
    case 'uppfoljning':
      if (parts[1] === 'poster') {
        const [, , kommunId, activityId, from, to] = parts;
        return kommunId && activityId && from && to ? { name: 'drill', kommunId, activityId, from, to } : { name: 'followUp' };
      }
      return { name: 'followUp', ...(parts[1] ? { kommunId: parts[1] } : {}), ...(parts[2] ? { period: parts[2] } : {}) };
    case 'rapport':
      return parts[1] && parts[2] ? { name: 'report', kommunId: parts[1], period: parts[2] } : { name: 'followUp' };
    case 'katalog':
      if (parts[1] === 'ny' && parts[2]) return { name: 'promiseNew', kommunId: parts[2] };
      if (parts[1] === 'period' && parts[2]) return { name: 'promise', id: parts[2] };
      return { name: 'catalogue' };
    case 'admin':
      return { name: 'admin' };
    case 'losenord':
      return { name: 'password' };
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
    case 'followUp': {
      if (!route.kommunId) return '#/uppfoljning';
      const kommun = `#/uppfoljning/${encodeURIComponent(route.kommunId)}`;
      return route.period ? `${kommun}/${encodeURIComponent(route.period)}` : kommun;
    }
    case 'drill':
      return `#/uppfoljning/poster/${[route.kommunId, route.activityId, route.from, route.to].map(encodeURIComponent).join('/')}`;
    case 'report':
      return `#/rapport/${encodeURIComponent(route.kommunId)}/${encodeURIComponent(route.period)}`;
    case 'catalogue':
      return '#/katalog';
    case 'promiseNew':
      return `#/katalog/ny/${encodeURIComponent(route.kommunId)}`;
    case 'promise':
      return `#/katalog/period/${encodeURIComponent(route.id)}`;
    case 'admin':
      return '#/admin';
    case 'password':
      return '#/losenord';
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
