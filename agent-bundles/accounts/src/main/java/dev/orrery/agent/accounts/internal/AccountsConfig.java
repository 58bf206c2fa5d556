package dev.orrery.agent.accounts.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of PID {@code dev.orrery.agent.accounts}: how the agent manages host accounts. */
@ObjectClassDefinition(name = "Orrery agent host accounts",
        description = "Creates and deletes login accounts, authorises SSH keys, grants sudo and rotates the passwords "
                + "of public accounts ('accounts' tasks).")
public @interface AccountsConfig {

    /** The PID of this configuration. */
    String PID = "dev.orrery.agent.accounts";

    @AttributeDefinition(name = "Root folder",
            description = "Absolute path of the root every operation works under, like useradd --root: etc/passwd, "
                    + "etc/shadow, etc/sudoers.d and the homes are read and written below it. '/' manages the host's own "
                    + "accounts; tests point it at a scratch folder.")
    String root() default "/";

    @AttributeDefinition(name = "Public password rotation (hours)", min = "0",
            description = "Public accounts get a new random password this often, on the agent, even while the center is "
                    + "away. 0 turns automatic rotation off.")
    int publicPasswordRotateHours() default 24;

    @AttributeDefinition(name = "Tool timeout (seconds)", min = "1",
            description = "Longest a single tool (useradd, userdel, usermod, chpasswd, ssh-keygen) may run.")
    int toolTimeoutSeconds() default 30;

    @AttributeDefinition(name = "Login shell", description = "Login shell of the accounts created.")
    String shell() default "/bin/bash";
}
