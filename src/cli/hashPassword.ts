/**
 * npm run staff:hash-password -- <name>
 * Asks for a password (twice, not echoed) and prints the STAFF_USERS entry "name:scrypt-hash".
 * With the password piped on stdin (echo … | npm run staff:hash-password -- name) it reads one line.
 */
import { hashPassword } from '../staff/auth';

const MIN_LENGTH = 12;

function readHidden(question: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const stdin = process.stdin;
    process.stderr.write(question);
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    let value = '';
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') {
          stdin.setRawMode(false);
          stdin.pause();
          stdin.off('data', onData);
          process.stderr.write('\n');
          return resolve(value);
        }
        if (ch === '\u0003') {
          stdin.setRawMode(false);
          return reject(new Error('cancelled'));
        }
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else value += ch;
      }
    };
    stdin.on('data', onData);
  });
}

async function readLine(): Promise<string> {
  let data = '';
  for await (const chunk of process.stdin) data += chunk;
  return data.split(/\r?\n/)[0];
}

async function main(): Promise<number> {
  const name = process.argv[2];
  if (!name || !/^[A-Za-z0-9._@-]{1,64}$/.test(name)) {
    console.error('usage: npm run staff:hash-password -- <account name>   (letters, digits, . _ @ -)');
    return 2;
  }
  let password: string;
  if (process.stdin.isTTY) {
    password = await readHidden(`Password for ${name}: `);
    if ((await readHidden('Again: ')) !== password) {
      console.error('The passwords differ.');
      return 1;
    }
  } else {
    password = await readLine();
  }
  if (password.length < MIN_LENGTH) {
    console.error(`Use at least ${MIN_LENGTH} characters.`);
    return 1;
  }
  console.log(`${name}:${await hashPassword(password)}`);
  console.error('Add this line to STAFF_USERS (comma-separated) or to the STAFF_USERS_FILE file.');
  return 0;
}

main().then(
  (code) => (process.exitCode = code),
  (err) => {
    console.error((err as Error).message);
    process.exitCode = 1;
  },
);
