// The signed-in app: sync status on top, the current screen, tabs at the bottom within thumb reach.
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { ServicesContext, StateContext, type AppServices, type AppState } from './context.ts';
import { href, useRoute, type Route } from './router.ts';
import { ToastProvider } from '../components/Toast.tsx';
import { SyncBar } from '../components/SyncBar.tsx';
import { Home } from '../features/log/Home.tsx';
import { LogScreen } from '../features/log/LogScreen.tsx';
import { UpdateBanner } from '../components/UpdateBanner.tsx';
import { canEditCatalogue, canFollowUp, isAdmin, logsEntries, seesWholeArea } from '../features/tallies/roles.ts';
import { lazyScreen } from './lazy.tsx';
import { ChangePassword, Login } from './account-screens.ts';
import { RevokedBanner } from '../features/account/RevokedBanner.tsx';
import type { User } from '../../domain/sync.ts';
import { loadStrings, t } from '../i18n/index.ts';

// Everything but logging loads on first use (see lazy.tsx), with its texts first (their
// modules may read them as they load); the log screen stays in the entry chunk.
const CorrectScreen = lazyScreen(() => import('../features/log/CorrectScreen.tsx').then((m) => m.CorrectScreen));
const EntryList = lazyScreen(() => import('../features/entries/EntryList.tsx').then((m) => m.EntryList));
const EntryDetail = lazyScreen(() => import('../features/entries/EntryDetail.tsx').then((m) => m.EntryDetail));
// Settings holds the security settings and logout (their texts are in the 'account' section).
const Settings = lazyScreen(() => loadStrings('more', 'account').then(() => import('../features/Settings.tsx').then((m) => m.Settings)));
const ShiftEnd = lazyScreen(() => loadStrings('more').then(() => import('../features/shift/ShiftEnd.tsx').then((m) => m.ShiftEnd)));
const Dashboard = lazyScreen(() => loadStrings('followUp').then(() => import('../features/tallies/Dashboard.tsx').then((m) => m.Dashboard)));
const Drilldown = lazyScreen(() => loadStrings('followUp').then(() => import('../features/tallies/Drilldown.tsx').then((m) => m.Drilldown)));
const ReportScreen = lazyScreen(() => loadStrings('followUp').then(() => import('../features/report/ReportScreen.tsx').then((m) => m.ReportScreen)));
const CatalogueScreen = lazyScreen(() => loadStrings('catalogue').then(() => import('../features/catalogue/CatalogueScreen.tsx').then((m) => m.CatalogueScreen)));
const NewPromise = lazyScreen(() => loadStrings('catalogue').then(() => import('../features/catalogue/PromiseEditor.tsx').then((m) => m.NewPromise)));
const EditPromise = lazyScreen(() => loadStrings('catalogue').then(() => import('../features/catalogue/PromiseEditor.tsx').then((m) => m.EditPromise)));
const AdminScreen = lazyScreen(() => loadStrings('admin', 'followUp').then(() => import('../features/admin/AdminScreen.tsx').then((m) => m.AdminScreen)));

function Screen({ route, logs, user, services }: { route: Route; logs: boolean; user: User; services: AppServices }) {
  switch (route.name) {
    case 'catalogue':
      return canEditCatalogue(user) ? <CatalogueScreen /> : <p class="empty-state">{t.catalogue.notForRole}</p>;
    case 'promiseNew':
      return canEditCatalogue(user) ? <NewPromise key={route.kommunId} kommunId={route.kommunId} /> : <p class="empty-state">{t.catalogue.notForRole}</p>;
    case 'promise':
      return canEditCatalogue(user) ? <EditPromise key={route.id} id={route.id} /> : <p class="empty-state">{t.catalogue.notForRole}</p>;
    case 'admin':
      return <AdminScreen />;
    case 'password':
      return <ChangePassword required={false} onChange={services.changePassword} />;
    case 'followUp':
      return <Dashboard kommunId={route.kommunId} period={route.period} />;
    case 'drill':
      return <Drilldown key={`${route.kommunId}/${route.activityId}/${route.from}/${route.to}`} {...route} />;
    case 'report':
      // The report is the shift leads' and coordinators' (tallied from their synced area data).
      return seesWholeArea(user) ? <ReportScreen key={`${route.kommunId}/${route.period}`} kommunId={route.kommunId} period={route.period} /> : <p class="empty-state">{t.followUp.reportNotForRole}</p>;
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
      // A coordinator logs nothing: their start screen is the follow-up; an admin's is the users.
      return logs ? <Home /> : canFollowUp(user) ? <Dashboard /> : isAdmin(user) ? <AdminScreen /> : <Home />;
  }
}

const FOLLOW_UP_ROUTES: ReadonlySet<Route['name']> = new Set(['followUp', 'drill', 'report']);
const CATALOGUE_ROUTES: ReadonlySet<Route['name']> = new Set(['catalogue', 'promiseNew', 'promise']);

/** `home`: this tab is also the start screen (a coordinator's follow-up). */
function Tab({ to, current, children, home = false }: { to: Route; current: Route; children: ComponentChildren; home?: boolean }) {
  const active =
    to.name === current.name ||
    (home && current.name === 'home') ||
    (to.name === 'home' && current.name === 'log') ||
    (to.name === 'entries' && (current.name === 'entry' || current.name === 'correct')) ||
    (to.name === 'followUp' && FOLLOW_UP_ROUTES.has(current.name)) ||
    (to.name === 'catalogue' && CATALOGUE_ROUTES.has(current.name)) ||
    (to.name === 'settings' && current.name === 'password');
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
  const edits = canEditCatalogue(state.user);
  const admin = isAdmin(state.user);
  return (
    <ServicesContext.Provider value={services}>
      <StateContext.Provider value={state}>
        <ToastProvider>
          <header class="app-header">
            <SyncBar onLogin={() => setRelogin(true)} />
            <UpdateBanner />
          </header>
          <main id="main">
            <RevokedBanner />
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
              <Screen route={route} logs={logs} user={state.user} services={services} />
            )}
          </main>
          <nav class="tab-bar" aria-label={t.nav.menu}>
            {logs && (
              <>
                <Tab to={{ name: 'home' }} current={route}>{t.nav.log}</Tab>
                <Tab to={{ name: 'entries' }} current={route}>{t.nav.entries}</Tab>
                <Tab to={{ name: 'shift' }} current={route}>{t.nav.shift}</Tab>
              </>
            )}
            {followsUp && <Tab to={{ name: 'followUp' }} current={route} home={!logs}>{t.nav.followUp}</Tab>}
            {edits && <Tab to={{ name: 'catalogue' }} current={route}>{t.nav.catalogue}</Tab>}
            {admin && <Tab to={{ name: 'admin' }} current={route} home={!logs && !followsUp}>{t.nav.admin}</Tab>}
            <Tab to={{ name: 'settings' }} current={route}>{t.nav.settings}</Tab>
          </nav>
        </ToastProvider>
      </StateContext.Provider>
    </ServicesContext.Provider>
  );
}
