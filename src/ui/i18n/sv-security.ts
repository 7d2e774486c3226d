// Texts of setting and changing the PIN, the wrong-PIN outcomes, the security settings and
// logout: loaded with the screens that show them (the 'account' section, see index.ts).
// The lock screen's own texts are in the core (sv-lock.ts): it is seen at every start.
const entries = (n: number) => (n === 1 ? '1 registrering' : `${n} registreringar`);

export const svSecurity = {
  newPin: 'Ny PIN-kod',
  repeatPin: 'Upprepa PIN-koden',
  currentPin: 'Nuvarande PIN-kod',
  pinHint: (min: number, max: number) => `${min}–${max} siffror. Undvik lätta koder som 123456 eller ditt födelsedatum.`,
  problems: {
    digits: 'PIN-koden får bara innehålla siffror.',
    length: (min: number, max: number) => `PIN-koden ska vara ${min}–${max} siffror.`,
    weak: 'PIN-koden är för lätt att gissa (som 123456, 000000 eller 121212). Välj en annan.',
    mismatch: 'PIN-koderna är inte lika.',
  },
  // Setting a PIN
  setupTitle: 'Välj en PIN-kod',
  setupIntro: 'Registreringarna på telefonen krypteras. Med PIN-koden låser du upp appen, även utan nät.',
  setupRecoveredTitle: 'Välj en ny PIN-kod',
  setupRecoveredIntro: 'Du har loggat in med lösenord. Välj en ny PIN-kod; allt som väntar på telefonen finns kvar.',
  setupSubmit: 'Spara PIN-kod',
  setupBusy: 'Krypterar…',
  // Hard lock
  hardTitle: 'Appen är spärrad',
  hardWhy: (max: number) => `PIN-koden angavs fel ${max} gånger i rad, så den låser inte längre upp appen.`,
  hardWaiting: (n: number) =>
    n === 1
      ? '1 registrering väntar på att skickas. Den finns kvar på telefonen, krypterad, och skickas så snart du har loggat in.'
      : `${n} registreringar väntar på att skickas. De finns kvar på telefonen, krypterade, och skickas så snart du har loggat in.`,
  hardHow: 'Logga in med användarnamn och lösenord (kräver nät) och välj sedan en ny PIN-kod.',
  // Wiped after wrong PINs
  wipedTitle: 'Appens data har raderats',
  wipedWhy: (max: number) => `PIN-koden angavs fel ${max} gånger i rad. Inget väntade på att skickas, så appens data på telefonen har raderats. Allt du har registrerat finns på servern.`,
  wipedLogin: 'Logga in igen',
  // Login outcomes
  otherOfficerWaiting: (owner: string | null, n: number) =>
    `${entries(n)} från ${owner ?? 'en annan användare'} väntar på att skickas från telefonen och kan inte öppnas av dig. ${owner ?? 'Den användaren'} behöver logga in och synka, eller logga ut, först.`,
  noRecoveryKey: (n: number) =>
    `Det finns ingen återställningsnyckel för telefonen på servern, så ${entries(n)} som väntar kan inte låsas upp. Kontakta din administratör.`,
  // Settings
  settingsTitle: 'Säkerhet',
  idleLabel: 'Lås efter inaktivitet',
  hiddenLabel: 'Lås när appen varit dold i',
  minutes: (n: number) => (n === 0 ? 'Direkt' : `${n} min`),
  lockNow: 'Lås nu',
  changePinTitle: 'Byt PIN-kod',
  changePinSubmit: 'Byt PIN-kod',
  changePinWrong: 'Den nuvarande PIN-koden stämmer inte.',
  changePinDone: 'PIN-koden är bytt.',
  // Logout
  logout: 'Logga ut',
  logoutWorking: 'Loggar ut…',
  logoutIntro: 'Utloggning raderar appens data och nycklar på telefonen. Det som har skickats finns kvar på servern.',
  logoutWaiting: (n: number) => `${entries(n)} har inte tagits emot av servern och raderas för alltid om du loggar ut.`,
  logoutTryLater: 'Synka först när du har nät, så går inget förlorat.',
  logoutConfirmWord: 'RADERA',
  logoutConfirmLabel: (word: string) => `Skriv ${word} för att logga ut ändå och radera dem`,
  logoutConfirm: (n: number) => `Logga ut och radera ${entries(n)}`,
  logoutCancel: 'Avbryt',
  logoutOffline: 'Du är utan nät: telefonen rensas nu, och inloggningen på servern upphör av sig själv.',
};
