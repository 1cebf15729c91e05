/**
 * Small page parts every feature's pages use: the main layout, the countdown, dialogs, the
 * error handler. Exposed to the other modules as the named interface {@code ui}.
 */
@NamedInterface("ui")
package org.careclock.base.ui;

import org.springframework.modulith.NamedInterface;
