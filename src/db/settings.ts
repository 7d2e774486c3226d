// Small per-device settings outside the main database (idb-keyval).
import { get, set } from 'idb-keyval';

export interface DeviceSettings {
  kommunId: string | null;
  theme: 'system' | 'light' | 'dark';
}

const SETTINGS_KEY = 'settings';
const DEVICE_KEY = 'deviceId';

export async function loadSettings(): Promise<DeviceSettings> {
  return { kommunId: null, theme: 'system', ...((await get<Partial<DeviceSettings>>(SETTINGS_KEY)) ?? {}) };
}

export async function saveSettings(settings: DeviceSettings): Promise<void> {
  await set(SETTINGS_KEY, settings);
}

/** This device's id: made once, on first use, and kept. */
export async function getDeviceId(): Promise<string> {
  const existing = await get<string>(DEVICE_KEY);
  if (existing) return existing;
  const id = crypto.randomUUID();
  await set(DEVICE_KEY, id);
  return id;
}
