/** The {@code policybot} launcher: the composition root, the console chat and the command-line tools. */
package io.policybot.app;
