/**
 * A {@link java.sql.Driver} with no I/O ({@link io.dualwrite.testkit.stub.StubDriver}) standing in
 * for mysql-connector-j and pgjdbc: the benchmarks measure dualwrite's own cost through it, and
 * unit tests drive dualwrite's decisions through it (which side ran what, in which order, with
 * injected failures and update counts). Everything a test needs is off by default, so the
 * benchmarks measure the same few nanoseconds per call.
 */
package io.dualwrite.testkit.stub;
