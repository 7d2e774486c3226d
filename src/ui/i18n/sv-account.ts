// Texts of signing in and of the account: the login form, password change, a revoked
// device that has wiped itself, and (sv-security.ts) choosing a PIN, the wrong-PIN outcomes,
// the security settings and logout. One lazily loaded section ('account', see index.ts): the
// screens that show them are seldom seen and load on demand. What the log screen and the
// lock screen show stays in the core (sv.ts, sv-lock.ts).
import { svSecurity } from './sv-security.ts';

export const svAccount = {
  passwordTitle: 'Byt lösenord',
  passwordRequired: 'Du måste byta lösenord innan du fortsätter. Det som väntar på enheten finns kvar och skickas när lösenordet är bytt.',
  passwordVoluntary: 'Välj ett nytt lösenord.',
  current: 'Nuvarande lösenord',
  currentHint: 'Det tillfälliga lösenordet om du fått ett av en administratör.',
  newPassword: 'Nytt lösenord',
  newHint: (min: number) => `Minst ${min} tecken. En mening med några ord går bra.`,
  repeat: 'Upprepa nytt lösenord',
  currentRequired: 'Ange ditt nuvarande lösenord.',
  tooShort: (min: number) => `Lösenordet måste vara minst ${min} tecken.`,
  sameAsCurrent: 'Det nya lösenordet måste skilja sig från det nuvarande.',
  mismatch: 'Lösenorden är inte lika.',
  submit: 'Byt lösenord',
  changed: 'Lösenordet är bytt',
  wrongCurrent: 'Det nuvarande lösenordet stämmer inte.',
  offline: 'Byte av lösenord kräver nät. Det som väntar på enheten finns kvar.',
  failed: (msg: string) => `Lösenordet kunde inte bytas: ${msg}`,
  changeLink: 'Byt lösenord',
  // Revoked device
  revokedTitle: 'Enheten har spärrats',
  revokedWiped: 'Enheten har spärrats av en administratör. Allt som väntade har skickats till servern, och appens data på enheten har raderats.',
  revokedWhat: 'Kontakta din administratör om du behöver använda enheten igen.',
  revokedStartOver: 'Logga in på nytt',
};

export const svLogin = {
  title: 'Logga in',
  username: 'Användarnamn',
  password: 'Lösenord',
  offline: 'Inloggning kräver nät. Det som redan är sparat på enheten finns kvar.',
  again: (name: string) => `Sessionen har gått ut. Logga in igen som ${name} för att skicka det som väntar.`,
};

export const svAccountSection = { account: svAccount, security: svSecurity, login: svLogin };
