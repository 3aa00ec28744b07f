"""Test-wide settings."""

import os
import secrets

# customer_key needs a secret salt from the environment (make provides one); a test run without
# make gets a random one.
os.environ.setdefault("CCW_CUSTOMER_KEY_SALT", secrets.token_hex(16))
