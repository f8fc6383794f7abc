import type { Command } from '../command';
import { classifyCommand } from './classify';
import { compressCommand } from './compress';
import { scanCommand } from './scan';
import { lintCommand } from './lint';
import { reportCommand } from './report';
import { diffCommand } from './diff';
import { runCommand } from './run';
import { batchCommand } from './batch';
import { ledgerCommand } from './ledger';

/** Every subcommand, in the order `promptcost --help` lists them. */
export const COMMANDS: readonly Command[] = [scanCommand, compressCommand, classifyCommand, lintCommand, reportCommand, diffCommand, runCommand, batchCommand, ledgerCommand];
