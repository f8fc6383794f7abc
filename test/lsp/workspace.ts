import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const FIXTURES = path.join(__dirname, 'fixtures');

/** A fresh workspace in a temp folder with the fixtures (and their .promptcost.yaml) copied in. */
export function makeWorkspace(): { root: string; read(name: string): string; write(name: string, text: string): string; remove(): void } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'promptcost-lsp-'));
  for (const name of fs.readdirSync(FIXTURES)) {
    const target = name === 'promptcost.yaml' ? '.promptcost.yaml' : name;
    fs.copyFileSync(path.join(FIXTURES, name), path.join(root, target));
  }
  return {
    root,
    read: (name) => fs.readFileSync(path.join(root, name), 'utf8'),
    write: (name, text) => {
      const file = path.join(root, name);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, text);
      return file;
    },
    remove: () => fs.rmSync(root, { recursive: true, force: true }),
  };
}
