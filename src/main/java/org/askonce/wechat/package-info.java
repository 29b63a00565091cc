/**
 * The WeChat channel: signed messages in, replies and pushes out through the outbox.
 */
@ApplicationModule(allowedDependencies = {"appointments", "dialogue", "guide", "knowledge", "nlp", "privacy", "system"})
package org.askonce.wechat;

import org.springframework.modulith.ApplicationModule;
