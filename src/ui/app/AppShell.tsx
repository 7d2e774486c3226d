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
import { Dashboard } from '../features/tallies/Dashboard.tsx';
import { Drilldown } from '../features/tallies/Drilldown.tsx';
import { ReportScreen } from '../features/report/ReportScreen.tsx';
import { canFollowUp, logsEntries } from '../features/tallies/roles.ts';
import { t } from '../i18n/sv.ts';

function Screen({ route, logs }: { route: Route; logs: boolean }) {
  switch (route.name) {
    case 'followUp':
      return <Dashboard kommunId={route.kommunId} period={route.period} />;
    case 'drill':
      return <Drilldown key={`${route.kommunId}/${route.activityId}/${route.from}/${route.to}`} {...route} />;
    case 'report':
      return <ReportScreen key={`${route.kommunId}/${route.period}`} kommunId={route.kommunId} period={route.period} />;
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
      // A coordinator logs nothing: their start screen is the follow-up.
      return logs ? <Home /> : <Dashboard />;
  }
}

const FOLLOW_UP_ROUTES: ReadonlySet<Route['name']> = new Set(['followUp', 'drill', 'report']);

/** `home`: this tab is also the start screen (a coordinator's follow-up). */
function Tab({ to, current, children, home = false }: { to: Route; current: Route; children: ComponentChildren; home?: boolean }) {
  const active =
    to.name === current.name ||
    (home && current.name === 'home') ||
    (to.name === 'home' && current.name === 'log') ||
    (to.name === 'entries' && (current.name === 'entry' || current.name === 'correct')) ||
    (to.name === 'followUp' && FOLLOW_UP_ROUTES.has(current.name));
  return (
    <a href={href(to)} aria-current={active ? 'page' : undefined}>
      {children}
    </a>
  );
}

export function AppShell({ services, state }: { services: AppServices; state: AppState }) {
  const route = useRoute();
  const [relogin, setRelogin] = useState(false);
  const logs = logsEntries(state.user);
  const followsUp = canFollowUp(state.user);
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
              <Screen route={route} logs={logs} />
            )}
          </main>
          <nav class="tab-bar" aria-label="Huvudmeny">
            {logs && (
              <>
                <Tab to={{ name: 'home' }} current={route}>{t.nav.log}</Tab>
                <Tab to={{ name: 'entries' }} current={route}>{t.nav.entries}</Tab>
                <Tab to={{ name: 'shift' }} current={route}>{t.nav.shift}</Tab>
              </>
            )}
            {followsUp && <Tab to={{ name: 'followUp' }} current={route} home={!logs}>{t.nav.followUp}</Tab>}
            <Tab to={{ name: 'settings' }} current={route}>{t.nav.settings}</Tab>
          </nav>
        </ToastProvider>
      </StateContext.Provider>
    </ServicesContext.Provider>
  );
}
