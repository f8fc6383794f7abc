#!/usr/bin/env node
/**
 * Entry of the PromptCost language server: `promptcost-lsp --stdio` (or --node-ipc, --socket=N,
 * as vscode-languageserver reads them from the command line).
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

startServer(createConnection(ProposedFeatures.all));
