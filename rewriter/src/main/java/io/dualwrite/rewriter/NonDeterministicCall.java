package io.dualwrite.rewriter;

/**
 * A call whose value differs between evaluations (and so between the two databases) and must be
 * computed once by the driver and bound on both sides.
 *
 * @param function upper-case name: NOW, CURRENT_TIMESTAMP, SYSDATE, CURDATE, CURRENT_DATE, CURTIME,
 *     CURRENT_TIME, LOCALTIME, LOCALTIMESTAMP, UTC_TIMESTAMP, UTC_DATE, UTC_TIME, UNIX_TIMESTAMP,
 *     UUID, RAND, LAST_INSERT_ID (no argument, in a write: the MySQL session's value before the
 *     statement, which the driver reads from MySQL)
 * @param fractionalDigits the fractional-seconds precision argument ({@code NOW(3)} gives 3), 0
 *     when absent or not applicable
 */
public record NonDeterministicCall(String function, int fractionalDigits) {}
