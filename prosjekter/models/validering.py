"""Validators shared by the Styre models."""

from django.core.validators import MaxValueValidator, MinValueValidator


def prosent_validatorer():
    return [MinValueValidator(0), MaxValueValidator(100)]


def skala_validatorer():
    return [MinValueValidator(1), MaxValueValidator(5)]
