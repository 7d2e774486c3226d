// Texts of the settings, storage and end-of-shift screens, loaded with them (see index.ts).
import { svAppearance } from './sv-appearance.ts';

export const svMore = {
  appearance: svAppearance,
  storage: {
    title: 'Lagring på enheten',
    used: (used: string, quota: string) => `${used} använt av ${quota}`,
    persisted: 'Beständig lagring: ja',
    notPersisted: 'Lagringen är inte beständig – webbläsaren kan rensa data om enheten får ont om plats. Installera appen på hemskärmen.',
    nearlyFull: 'Lagringen är nästan full. Synka så snart du har nät.',
    unknown: 'Okänd',
  },
  shift: {
    title: 'Skiftet klart?',
    allReceipted: 'Allt är klart: varje registrering på enheten har kvitto från servern.',
    waiting: (n: number) => (n === 1 ? '1 registrering väntar på kvitto från servern:' : `${n} registreringar väntar på kvitto från servern:`),
    drafts: (n: number) => (n === 1 ? '1 osparat utkast finns.' : `${n} osparade utkast finns.`),
    why: {
      queued: 'Väntar på nät',
      sending: 'Skickas just nu',
      rejected: 'Avvisad av servern – rätta den',
      otherOfficer: 'Tillhör en annan användare på enheten',
    },
  },
  settings: {
    title: 'Inställningar',
    kommun: 'Kommun',
    signedInAs: (name: string) => `Inloggad som ${name}`,
    version: (v: string) => `Version ${v}`,
  },
};
