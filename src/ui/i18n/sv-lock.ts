// Texts of the lock screen ("Ange PIN"), seen at every start: part of the core texts (sv.ts).
// The rest of the security texts arrive with their screens (sv-security.ts).
export const svLock = {
  pin: 'PIN-kod',
  lockTitle: 'Ange PIN',
  lockHello: (name: string) => `Appen är låst. Inloggad: ${name}.`,
  unlock: 'Lås upp',
  unlocking: 'Låser upp…',
  wrongPin: (left: number) => (left === 1 ? 'Fel PIN-kod. 1 försök kvar.' : `Fel PIN-kod. ${left} försök kvar.`),
  lastAttemptWarning: (max: number) => `Efter ${max} felaktiga försök i rad raderas appens data på telefonen om inget väntar på att skickas; annars spärras appen tills du loggar in med lösenord.`,
  forgot: 'Glömt PIN-koden? Logga in med lösenord',
  forgotIntro: 'Logga in med användarnamn och lösenord (kräver nät) och välj sedan en ny PIN-kod. Det som väntar på telefonen finns kvar.',
  backToPin: 'Tillbaka till PIN',
};
