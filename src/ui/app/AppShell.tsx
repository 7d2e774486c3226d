// The signed-in app: sync status on top, the current screen, tabs at the bottom within thumb reach.
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { ServicesContext, StateContext, type AppServices, type AppState } from './context.ts';
import { href, useRoute, type Route } from './router.ts';
import { ToastProvider } from '../components/Toast.tsx';
import { SyncBar } from '../components/SyncBar.tsx';
import { Home } from '../features/log/Home.tsx';
import { LogScreen } from '../features/log/LogScreen.tsx';
import { CorrectScreen } from '../features/log/CorrectScreen.tsx';
import { EntryList } from '../features/entries/EntryList.tsx';
import { EntryDetail } from '../features/entries/EntryDetail.tsx';
import { Settings } from '../features/Settings.tsx';
import { Login } from '../features/login/Login.tsx';
import { ShiftEnd } from '../features/shift/ShiftEnd.tsx';
import { UpdateBanner } from '../components/UpdateBanner.tsx';
import { t } from '../i18n/sv.ts';

function Screen({ route }: { route: Route }) {
  switch (route.name) {
    case 'log':
      return <LogScreen key={`${route.activityId}:${route.kind}`} activityId={route.activityId} kind={route.kind} />;
    case 'entries':
      return <EntryList />;
    case 'entry':
      return <EntryDetail key={route.id} id={route.id} />;
    case 'correct':
      return <CorrectScreen key={route.id} id={route.id} />;
    case 'settings':
      return <Settings />;
    case 'shift':
      return <ShiftEnd />;
    case 'home':
      return <Home />;
  }
}

function Tab({ to, current, children }: { to: Route; current: Route; children: ComponentChildren }) {
  const active = to.name === current.name || (to.name === 'home' && current.name === 'log') || (to.name === 'entries' && (current.name === 'entry' || current.name === 'correct'));
  return (
    <a href={href(to)} aria-current={active ? 'page' : undefined}>
      {children}
    </a>
  );
}

export function AppShell({ services, state }: { services: AppServices; state: AppState }) {
  const route = useRoute();
  const [relogin, setRelogin] = useState(false);
  return (
    <ServicesContext.Provider value={services}>
      <StateContext.Provider value={state}>
        <ToastProvider>
          <header class="app-header">
            <SyncBar onLogin={() => setRelogin(true)} />
            <UpdateBanner />
          </header>
          <main id="main">
            {relogin ? (
              <Login
                expiredFor={state.user.displayName}
                onCancel={() => setRelogin(false)}
                onLogin={async (u, p) => {
                  await services.login(u, p);
                  setRelogin(false);
                }}
              />
            ) : (
              <Screen route={route} />
            )}
          </main>
          <nav class="tab-bar" aria-label="Huvudmeny">
            <Tab to={{ name: 'home' }} current={route}>{t.nav.log}</Tab>
            <Tab to={{ name: 'entries' }} current={route}>{t.nav.entries}</Tab>
            <Tab to={{ name: 'shift' }} current={route}>{t.nav.shift}</Tab>
            <Tab to={{ name: 'settings' }} current={route}>{t.nav.settings}</Tab>
          </nav>
        </ToastProvider>
      </StateContext.Provider>
    </ServicesContext.Provider>
  );
}
