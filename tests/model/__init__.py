"""Tests of cultuurhub.model."""
