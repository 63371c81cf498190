"""Production settings: fail fast without secrets, pass Django's deploy checks."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "website.settings.production",
    "SECRET_KEY": "k8#Qm2!vT9zR4xW7pL1nB6cY3hF0jD5sA8gE2uK9oI4wZ7qX1rV6tN3mC0bJ5yH",
    "ALLOWED_HOSTS": "tia.example.se",
    "EMAIL_HOST": "smtp.example.se",
    "DATABASE_URL": "sqlite:///:memory:",
}


def manage(*args, env):
    clean_env = {
        key: value
        for key, value in os.environ.items()
        if key not in PRODUCTION_ENV and not key.startswith("DJANGO_")
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean_env, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_is_clean_under_production_settings():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_refuses_to_start_without_secret_key():
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "SECRET_KEY"}
    result = manage("check", env=env)
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "ALLOWED_HOSTS"}
    result = manage("check", env=env)
    assert result.returncode != 0
    assert "ALLOWED_HOSTS must be set" in result.stderr


def test_production_uses_a_cache_shared_between_processes():
    script = (
        "import django; django.setup(); from django.conf import settings; "
        "print(settings.CACHES['default']['BACKEND'])"
    )
    env = {**PRODUCTION_ENV}
    clean_env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env={**clean_env, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stdout.strip() == "django.core.cache.backends.db.DatabaseCache"
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env={**clean_env, **env, "REDIS_URL": "redis://127.0.0.1:6379/0"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stdout.strip() == "django_redis.cache.RedisCache"


def tasks_backend(settings_module, **env):
    """The task backend that ``settings_module`` ends up with under ``env``."""
    script = (
        "import django; django.setup(); from django.conf import settings; "
        "print(settings.TASKS['default']['BACKEND'])"
    )
    clean_env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("DJANGO_") and key != "TASKS_BACKEND"
    }
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env={
            **clean_env,
            **PRODUCTION_ENV,
            "DJANGO_SETTINGS_MODULE": settings_module,
            **env,
        },
        capture_output=True,
        text=True,
        timeout=60,
    )
    return result.stdout.strip()


def test_the_tasks_backend_comes_from_the_environment():
    immediate = "django_tasks.backends.immediate.ImmediateBackend"
    dummy = "django_tasks.backends.dummy.DummyBackend"
    production = "website.settings.production"
    assert tasks_backend(production) == immediate
    assert tasks_backend(production, TASKS_BACKEND=dummy) == dummy
    # The tests read the mail their tasks send: always at once.
    test = "website.settings.test"
    assert tasks_backend(test, TASKS_BACKEND=dummy) == immediate
