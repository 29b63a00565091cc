/**
 * An item's complete guide (一次性告知单) at /guide/{item}, with its QR code.
 */
@ApplicationModule(allowedDependencies = {"dialogue", "knowledge"})
package org.askonce.guide;

import org.springframework.modulith.ApplicationModule;
