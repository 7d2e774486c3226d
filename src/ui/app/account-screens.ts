// The screens of signing in and of the account: seldom seen (a first login, a forgotten or
// blocked PIN, a password an admin reset, a wiped device), so they load on demand with their
// texts (the 'account' section of i18n/index.ts) instead of with the log screen.
// The lock screen, seen at every start, is not here: Root imports it directly.
import type { ComponentProps, FunctionComponent } from 'preact';
import type { ChangePassword as ChangePasswordScreen } from '../features/account/ChangePassword.tsx';
import type { DeviceWiped as DeviceWipedScreen } from '../features/account/DeviceWiped.tsx';
import type { Login as LoginScreen } from '../features/login/Login.tsx';
import type { HardLocked as HardLockedScreen } from '../features/security/HardLocked.tsx';
import type { PinSetup as PinSetupScreen } from '../features/security/PinSetup.tsx';
import type { Wiped as WipedScreen } from '../features/security/Wiped.tsx';
import { loadStrings } from '../i18n/index.ts';
import { lazyScreen } from './lazy.tsx';

/** A lazily loaded screen with the props of `C` (named, for the declaration files). */
type Lazy<C extends FunctionComponent<any>> = FunctionComponent<ComponentProps<C>> & { preload(): Promise<void> };

const withTexts = <T,>(load: () => Promise<T>) => () => loadStrings('account').then(load);

export const Login: Lazy<typeof LoginScreen> = lazyScreen(withTexts(() => import('../features/login/Login.tsx').then((m) => m.Login)));
export const ChangePassword: Lazy<typeof ChangePasswordScreen> = lazyScreen(withTexts(() => import('../features/account/ChangePassword.tsx').then((m) => m.ChangePassword)));
export const DeviceWiped: Lazy<typeof DeviceWipedScreen> = lazyScreen(withTexts(() => import('../features/account/DeviceWiped.tsx').then((m) => m.DeviceWiped)));
export const PinSetup: Lazy<typeof PinSetupScreen> = lazyScreen(withTexts(() => import('../features/security/PinSetup.tsx').then((m) => m.PinSetup)));
export const HardLocked: Lazy<typeof HardLockedScreen> = lazyScreen(withTexts(() => import('../features/security/HardLocked.tsx').then((m) => m.HardLocked)));
export const Wiped: Lazy<typeof WipedScreen> = lazyScreen(withTexts(() => import('../features/security/Wiped.tsx').then((m) => m.Wiped)));
