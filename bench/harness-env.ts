/**
 * Imported first by a benchmark that drives the API through the tests' application harness (test/support/app), which
 * reads its database from TEST_DATABASE_URL when it loads: the benchmark's own database.
 */
import { DEFAULT_BENCH_DATABASE_URL } from './database';

process.env.TEST_DATABASE_URL = process.env.BENCH_DATABASE_URL ?? DEFAULT_BENCH_DATABASE_URL;
