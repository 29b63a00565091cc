/**
 * Staff accounts, roles, logins and their throttling, and which halls a hall-staff member serves.
 */
@ApplicationModule(allowedDependencies = {})
package org.askonce.accounts;

import org.springframework.modulith.ApplicationModule;
