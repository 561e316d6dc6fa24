/**
 * One shared connection for the worker's lifetime, reopened on demand: if the browser closes it, or a
 * newer version or a delete asks it to go, the next store call opens a fresh one instead of failing forever.
 */
import type { IDBPDatabase } from 'idb';
import type { Migration } from './migrations';
import { openSellerAuthDb } from './open-db';
import { DB_NAME, type SellerAuthDb } from './schema';

export type SellerAuthDbConnection = () => Promise<IDBPDatabase<SellerAuthDb>>;

/** What the stores accept: an open database, or a connection that opens (and reopens) one. */
export type DbSource = IDBPDatabase<SellerAuthDb> | SellerAuthDbConnection;

export interface ConnectOptions {
  name?: string;
  factory?: IDBFactory;
  migrations?: readonly Migration[];
}

export function connectSellerAuthDb(options: ConnectOptions = {}): SellerAuthDbConnection {
  let current: Promise<IDBPDatabase<SellerAuthDb>> | undefined;
  return () => {
    if (current) return current;
    const opening: Promise<IDBPDatabase<SellerAuthDb>> = openSellerAuthDb(
      options.name ?? DB_NAME,
      options.factory,
      {
        ...(options.migrations ? { migrations: options.migrations } : {}),
        onClosed: () => {
          if (current === opening) current = undefined;
        },
      },
    ).catch((error: unknown) => {
      if (current === opening) current = undefined;
      throw error;
    });
    current = opening;
    return opening;
  };
}

export function resolveDb(source: DbSource): Promise<IDBPDatabase<SellerAuthDb>> {
  return typeof source === 'function' ? source() : Promise.resolve(source);
}
