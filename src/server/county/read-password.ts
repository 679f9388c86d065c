import { stdin, stdout } from 'node:process';

/** All of stdin up to its end: a script pipes the password in (`echo … | npm run admin -- …`). */
async function readPiped(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
}

/** One line typed at a terminal, echoing nothing, so the password never shows on screen. */
function readHidden(prompt: string): Promise<string> {
  return new Promise((resolve, reject) => {
    stdout.write(prompt);
    stdin.setRawMode(true);
    stdin.resume();
    let typed = '';
    const done = (error?: Error) => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      stdout.write('\n');
      if (error) reject(error);
      else resolve(typed);
    };
    const onData = (data: Buffer) => {
      for (const char of data.toString('utf8')) {
        if (char === '\r' || char === '\n') return done();
        if (char === '\u0003') return done(new Error('cancelled'));
        if (char === '\u007f' || char === '\b') typed = [...typed].slice(0, -1).join('');
        else if (char >= ' ') typed += char;
      }
    };
    stdin.on('data', onData);
  });
}

/** The new password: typed twice at a terminal, or the first line of what is piped in. */
export async function readNewPassword(): Promise<string> {
  if (!stdin.isTTY) return readPiped();
  const first = await readHidden('Password: ');
  const again = await readHidden('Password again: ');
  if (first !== again) throw new Error('the two passwords differ');
  return first;
}
