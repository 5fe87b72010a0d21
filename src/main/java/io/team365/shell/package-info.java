/** The app shell: the public landing page, the signed-in home and the navigation every other module hangs from. */
package io.team365.shell;
