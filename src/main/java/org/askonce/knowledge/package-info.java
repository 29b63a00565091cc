/**
 * Service items, FAQs and life events: their store, editing, review and publishing, import and export, audit and the editor console.
 */
@ApplicationModule(allowedDependencies = {"accounts"})
package org.askonce.knowledge;

import org.springframework.modulith.ApplicationModule;
