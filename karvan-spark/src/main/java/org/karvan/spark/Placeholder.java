package org.karvan.spark; final class Placeholder {}
